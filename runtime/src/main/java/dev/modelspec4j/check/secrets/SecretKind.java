package dev.modelspec4j.check.secrets;

/** Kinds of secrets {@link SecretDetector} finds, most specific first (this order breaks ties between overlaps). */
public enum SecretKind {
    /** AWS access key id: {@code AKIA}, {@code ASIA} or another AWS id prefix and 16 upper-case letters/digits. */
    AWS_ACCESS_KEY,
    /** AWS secret access key: 40 base64 characters assigned to a key naming an AWS secret. */
    AWS_SECRET_KEY,
    /** GitHub token: {@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_} or {@code github_pat_}. */
    GITHUB_TOKEN,
    /** GitLab personal access token: {@code glpat-}. */
    GITLAB_TOKEN,
    /**
     * Slack token: {@code xoxa-}, {@code xoxb-}, {@code xoxe-} (refresh), {@code xoxp-}, {@code xoxr-},
     * {@code xoxs-}, {@code xapp-} (app-level), {@code xoxe.xoxp-} (configuration).
     */
    SLACK_TOKEN,
    /** Slack incoming webhook URL ({@code https://hooks.slack.com/services/...}). */
    SLACK_WEBHOOK,
    /** Stripe key: {@code sk_live_}, {@code sk_test_}, {@code rk_live_}, {@code rk_test_}, {@code pk_live_}, {@code whsec_}. */
    STRIPE_KEY,
    /** Anthropic API key: {@code sk-ant-api03-...}, {@code sk-ant-admin01-...}. */
    ANTHROPIC_KEY,
    /** OpenAI-style API key: {@code sk-...}, {@code sk-proj-...}. */
    OPENAI_KEY,
    /** Google API key: {@code AIza} and 35 characters. */
    GOOGLE_API_KEY,
    /** npm access token: {@code npm_} and 36 letters or digits. */
    NPM_TOKEN,
    /** Hugging Face token: {@code hf_} or {@code api_org_} and 34 letters. */
    HUGGINGFACE_TOKEN,
    /** PyPI API token: {@code pypi-AgEIcHlwaS5vcmc...}. */
    PYPI_TOKEN,
    /** SendGrid API key: {@code SG.} and two base64url parts. */
    SENDGRID_KEY,
    /** Azure AD client secret: three characters, a digit, {@code Q~} and 31 to 34 more. */
    AZURE_CLIENT_SECRET,
    /**
     * Another vendor's token with a documented prefix (1Password, age, Amazon Bedrock, Atlassian, Clojars,
     * DigitalOcean, Fly.io, GitLab runner/deploy/trigger tokens, Grafana, Heroku, Linear, Notion, Postman, Prefect,
     * Perplexity, Pulumi, ReadMe, 42, Sourcegraph, OpenShift, Shopify, Sentry, Square).
     */
    VENDOR_TOKEN,
    /** JSON Web Token: three base64url parts whose header decodes to JSON with an {@code "alg"}. */
    JWT,
    /** A PEM private key block ({@code -----BEGIN ... PRIVATE KEY-----} to its END line). */
    PRIVATE_KEY,
    /** The password of a {@code scheme://user:password@host} URL (the span covers the password only). */
    URL_PASSWORD,
    /** The value assigned to a key named like a secret: {@code password = ...}, {@code api_key: ...}. */
    KEYWORD_SECRET,
    /** A random-looking string: Shannon entropy over its characters above the tuned threshold. */
    HIGH_ENTROPY
}
