package dev.modelspec4j.embeddings.train;

import java.util.List;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares): exact and
 * deterministic, no learning rate. Classes are weighted so that both count as much in the loss. The intercept is
 * not regularised.
 */
final class LogisticRegression {

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-8;

    private LogisticRegression() {
    }

    /** One training example. */
    record Sample(float[] x, boolean positive) {
    }

    /** Fitted parameters: {@code weights[d]}, then the bias. */
    record Fit(double[] weights, double bias) {
        double score(float[] x) {
            double z = bias;
            for (int k = 0; k < weights.length; k++) {
                z += weights[k] * x[k];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    static Fit fit(List<Sample> samples, double lambda) {
        int d = samples.get(0).x().length;
        int p = d + 1;
        long positives = samples.stream().filter(Sample::positive).count();
        long negatives = samples.size() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("both classes are needed");
        }
        double positiveWeight = samples.size() / (2.0 * positives);
        double negativeWeight = samples.size() / (2.0 * negatives);
        double[] beta = new double[p];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            double[] row = new double[p];
            for (Sample s : samples) {
                for (int k = 0; k < d; k++) {
                    row[k] = s.x()[k];
                }
                row[d] = 1;
                double z = 0;
                for (int k = 0; k < p; k++) {
                    z += beta[k] * row[k];
                }
                double mu = 1 / (1 + Math.exp(-z));
                double weight = s.positive() ? positiveWeight : negativeWeight;
                double residual = weight * (mu - (s.positive() ? 1 : 0));
                double curvature = weight * Math.max(mu * (1 - mu), 1e-10);
                for (int i = 0; i < p; i++) {
                    gradient[i] += residual * row[i];
                    double ci = curvature * row[i];
                    for (int j = 0; j <= i; j++) {
                        hessian[i][j] += ci * row[j];
                    }
                }
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < i; j++) {
                    hessian[j][i] = hessian[i][j];
                }
                if (i < d) {
                    gradient[i] += lambda * beta[i];
                    hessian[i][i] += lambda;
                } else {
                    hessian[i][i] += 1e-9;
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int k = 0; k < p; k++) {
                beta[k] -= step[k];
                change = Math.max(change, Math.abs(step[k]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        double[] weights = new double[d];
        System.arraycopy(beta, 0, weights, 0, d);
        return new Fit(weights, beta[d]);
    }

    /** Solves {@code a x = b} for symmetric positive definite {@code a} (Cholesky); {@code a} is overwritten. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int j = 0; j < n; j++) {
            double sum = a[j][j];
            for (int k = 0; k < j; k++) {
                sum -= a[j][k] * a[j][k];
            }
            if (sum <= 0) {
                throw new ArithmeticException("matrix is not positive definite");
            }
            a[j][j] = Math.sqrt(sum);
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = s / a[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i][k] * y[k];
            }
            y[i] = s / a[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= a[k][i] * x[k];
            }
            x[i] = s / a[i][i];
        }
        return x;
    }
}
