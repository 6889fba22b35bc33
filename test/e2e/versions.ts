// The n8n versions the e2e tests run against, one after the other; N8N_VERSION picks a single one.
export const E2E_VERSIONS = process.env.N8N_VERSION ? [process.env.N8N_VERSION] : ['1.123', '2.40'];
