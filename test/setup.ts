import 'reflect-metadata';

// n8n-core checks the permissions of its settings file; the test user folder is a fresh temp dir.
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
