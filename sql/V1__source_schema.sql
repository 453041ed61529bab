-- Source data the connector reads. Kept to SQL that both PostgreSQL and H2 (MODE=PostgreSQL) accept,
-- so one migration set serves production and the zero-install demo.

CREATE TABLE companies (
    id              BIGINT PRIMARY KEY,
    name            VARCHAR,
    domain          VARCHAR,          -- the raw website value as the data platform holds it
    industry        VARCHAR(255),
    employees       INTEGER,
    annual_revenue  NUMERIC(18, 2),
    country         VARCHAR(100),
    city            VARCHAR(255),
    linkedin_url    VARCHAR,
    description     VARCHAR,
    score           NUMERIC(5, 2),
    tier            VARCHAR(20),
    updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    data_points     JSON               -- further data points, keyed as in field_definitions
);

CREATE INDEX companies_updated_at_idx ON companies (updated_at);

CREATE TABLE contacts (
    id              BIGINT PRIMARY KEY,
    company_id      BIGINT NOT NULL REFERENCES companies (id),
    email           VARCHAR,
    first_name      VARCHAR,
    last_name       VARCHAR,
    title           VARCHAR,
    seniority       VARCHAR(50),
    department      VARCHAR(100),
    phone           VARCHAR(100),
    linkedin_url    VARCHAR,
    updated_at      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX contacts_company_id_idx ON contacts (company_id);

-- The data directory: every field a job definition may map, with the type that decides which
-- Salesforce field types can hold it. storage = 'column' (a column of the object's table) or
-- 'data_points' (a key of companies.data_points).
CREATE TABLE field_definitions (
    field_key       VARCHAR(100) NOT NULL,
    object_type     VARCHAR(20)  NOT NULL,
    label           VARCHAR(255) NOT NULL,
    field_type      VARCHAR(20)  NOT NULL,
    length          INTEGER,
    numeric_precision INTEGER,
    numeric_scale   INTEGER,
    picklist_values VARCHAR,
    storage         VARCHAR(20)  NOT NULL DEFAULT 'column',
    description     VARCHAR      NOT NULL,
    PRIMARY KEY (object_type, field_key),
    CONSTRAINT field_definitions_object_ck CHECK (object_type IN ('account', 'contact')),
    CONSTRAINT field_definitions_type_ck CHECK (field_type IN
        ('text', 'number', 'currency', 'date', 'boolean', 'url', 'email', 'phone', 'picklist')),
    CONSTRAINT field_definitions_storage_ck CHECK (storage IN ('column', 'data_points'))
);

INSERT INTO field_definitions
    (field_key, object_type, label, field_type, length, numeric_precision, numeric_scale, picklist_values, storage, description)
VALUES
    ('name',           'account', 'Company Name',    'text',     255,  NULL, NULL, NULL, 'column', 'Legal or trading name of the company'),
    ('domain',         'account', 'Website',         'url',      255,  NULL, NULL, NULL, 'column', 'Website as recorded by the data platform; its root domain is the match key'),
    ('industry',       'account', 'Industry',        'text',     255,  NULL, NULL, NULL, 'column', 'Industry the company operates in'),
    ('employees',      'account', 'Employees',       'number',   NULL, 8,    0,    NULL, 'column', 'Number of employees'),
    ('annual_revenue', 'account', 'Annual Revenue',  'currency', NULL, 18,   2,    NULL, 'column', 'Estimated annual revenue in USD'),
    ('country',        'account', 'Country',         'text',     80,   NULL, NULL, NULL, 'column', 'Country of the headquarters'),
    ('city',           'account', 'City',            'text',     40,   NULL, NULL, NULL, 'column', 'City of the headquarters'),
    ('linkedin_url',   'account', 'LinkedIn URL',    'url',      255,  NULL, NULL, NULL, 'column', 'Company page on LinkedIn'),
    ('description',    'account', 'Description',     'text',     32000, NULL, NULL, NULL, 'column', 'Short description of what the company does'),
    ('score',          'account', 'Fit Score',       'number',   NULL, 5,    2,    NULL, 'column', 'GoodFit fit score from 0 to 100'),
    ('tier',           'account', 'Tier',            'picklist', 20,   NULL, NULL, 'A,B,C,D', 'column', 'GoodFit tier derived from the score'),
    ('founded_on',     'account', 'Founded On',      'date',     NULL, NULL, NULL, NULL, 'data_points', 'Date the company was founded'),
    ('is_hiring',      'account', 'Is Hiring',       'boolean',  NULL, NULL, NULL, NULL, 'data_points', 'Whether the company has open job postings'),
    ('funding_stage',  'account', 'Funding Stage',   'picklist', 40,   NULL, NULL, 'Bootstrapped,Seed,Series A,Series B,Series C,Series D+,Public', 'data_points', 'Latest funding stage'),
    ('total_funding',  'account', 'Total Funding',   'currency', NULL, 18,   2,    NULL, 'data_points', 'Total funding raised in USD'),
    ('email',          'contact', 'Email',           'email',    80,   NULL, NULL, NULL, 'column', 'Work email address; the contact match key'),
    ('first_name',     'contact', 'First Name',      'text',     40,   NULL, NULL, NULL, 'column', 'Given name'),
    ('last_name',      'contact', 'Last Name',       'text',     80,   NULL, NULL, NULL, 'column', 'Family name'),
    ('title',          'contact', 'Title',           'text',     128,  NULL, NULL, NULL, 'column', 'Job title'),
    ('seniority',      'contact', 'Seniority',       'picklist', 50,   NULL, NULL, 'Entry,Senior,Manager,Director,VP,C-Level,Owner', 'column', 'Seniority level of the job title'),
    ('department',     'contact', 'Department',      'text',     80,   NULL, NULL, NULL, 'column', 'Department the contact works in'),
    ('phone',          'contact', 'Phone',           'phone',    40,   NULL, NULL, NULL, 'column', 'Direct phone number'),
    ('linkedin_url',   'contact', 'LinkedIn URL',    'url',      255,  NULL, NULL, NULL, 'column', 'Profile page on LinkedIn');
