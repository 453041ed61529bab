-- Org connections stored by 'connect': one per job. Everything a person may see ('connections') is in plain
-- columns; the secrets (client secret, refresh token, optionally a JWT private key) are one JWE (dir + A256GCM,
-- key from GOODFIT_CREDENTIALS_KEY) in 'secrets', bound to the job's name so a row's secrets cannot be moved to
-- another job.
CREATE TABLE sf_connection (
    job_name        VARCHAR(100)  NOT NULL PRIMARY KEY,
    environment     VARCHAR(20)   NOT NULL,       -- production | sandbox | my-domain | emulator
    login_url       VARCHAR(500)  NOT NULL,
    instance_url    VARCHAR(500)  NOT NULL,
    auth            VARCHAR(20)   NOT NULL,       -- refresh-token | jwt-bearer
    client_id       VARCHAR(500)  NOT NULL,       -- the connected app's consumer key (not a secret)
    username        VARCHAR(255)  NOT NULL,
    user_id         VARCHAR(18),
    org_id          VARCHAR(18),
    key_file        VARCHAR(1000),                -- jwt-bearer without a stored key: the key's path
    secrets         VARCHAR       NOT NULL,
    connected_at    TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT sf_connection_auth_ck CHECK (auth IN ('refresh-token', 'jwt-bearer'))
);
