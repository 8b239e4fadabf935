-- ("year" is a reserved word in H2, hence account_year / assessment_year.)
-- Annual assessment (#12): the household's income and expenditure account, the year's assessment per household,
-- the bulk start of a county's year, and the exit facts in the registry.

create sequence income_entry_seq start with 1 increment by 50;

-- 收支台账: one line per income or expenditure through the year, in fen; operating income may be negative.
create table income_entry (
    id           bigint        not null primary key,
    household_id bigint        not null references household (id) on delete cascade,
    account_year integer       not null,
    entry_date   date          not null,
    kind         varchar(16)   not null,
    item         varchar(32)   not null,
    amount_fen   bigint        not null,
    note         varchar(500),
    recorded_by  varchar(64)   not null,
    recorded_at  timestamp     not null,
    constraint income_entry_kind_ck check (kind in ('INCOME', 'EXPENDITURE'))
);
create index income_entry_household_year_idx on income_entry (household_id, account_year);

-- The registry keeps how and when a household left poverty (销号) and whether it is watched for falling back.
alter table household add column exit_year integer;
alter table household add column exit_reason varchar(256);
alter table household add column exit_notice_ends timestamp;
alter table household add column monitored boolean default false not null;
create index household_exit_year_idx on household (exit_year);

-- One assessment per household and year: the key that makes the bulk start safe to resume.
create table household_assessment (
    household_id        bigint      not null references household (id) on delete cascade,
    assessment_year     integer     not null,
    county_code         varchar(12) not null references region (code),
    per_capita_net_fen  bigint,
    outcome             varchar(24),
    started_at          timestamp   not null,
    decided_at          timestamp,
    constraint household_assessment_pk primary key (household_id, assessment_year)
);
create index household_assessment_county_year_idx on household_assessment (county_code, assessment_year, outcome);

-- The bulk start of one county's year: progress is the count of household_assessment rows.
create table assessment_run (
    county_code  varchar(12) not null references region (code),
    assessment_year integer  not null,
    total        integer     not null,
    started_by   varchar(64) not null,
    started_at   timestamp   not null,
    finished_at  timestamp,
    constraint assessment_run_pk primary key (county_code, assessment_year)
);

-- the assessment's decisions are longer ("assessed 2026: EXIT_PROPOSED")
alter table household_status_change alter column decision set data type varchar(64);
