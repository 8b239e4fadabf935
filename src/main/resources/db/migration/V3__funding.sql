-- Project funding (issue #10): fund sources, the county's available funds, projects with their outputs,
-- budget lines and beneficiary households, decisions, progress reports and the append-only fund ledger.
-- Amounts are in fen (1 yuan = 100 fen), as bigint.
create sequence project_seq start with 1 increment by 50;
create sequence project_part_seq start with 1 increment by 50;
create sequence project_ledger_seq start with 1 increment by 50;

create table fund_source (
    code     varchar(32)  not null primary key,
    position integer      not null,
    name_zh  varchar(64)  not null,
    name_en  varchar(128) not null
);
insert into fund_source (code, position, name_zh, name_en) values
    ('CENTRAL', 1, '中央财政专项扶贫资金', 'Central special poverty-alleviation fund'),
    ('PROVINCIAL', 2, '省级财政扶贫资金', 'Provincial poverty-alleviation fund'),
    ('MUNICIPAL', 3, '地市级财政扶贫资金', 'Municipal poverty-alleviation fund'),
    ('COUNTY', 4, '县级财政专项扶贫资金', 'County special poverty-alleviation fund'),
    ('INTEGRATED', 5, '统筹整合使用的涉农资金', 'Integrated agriculture-related funds'),
    ('MICRO_CREDIT', 6, '扶贫小额信贷', 'Poverty-alleviation micro-credit'),
    ('DONATION', 7, '社会捐赠', 'Social donations');

-- what a county may commit per fund source and year; no approval may exceed it
create table fund_availability (
    county_code varchar(12) not null references region (code),
    fund_source varchar(32) not null references fund_source (code),
    fund_year   integer     not null,
    amount_fen  bigint      not null,
    constraint fund_availability_pk primary key (county_code, fund_source, fund_year),
    constraint fund_availability_amount_ck check (amount_fen >= 0)
);

-- the last project number given out per county and year (XM-<year>-<county>-<nnnn>)
create table project_counter (
    county_code  varchar(12) not null,
    project_year integer     not null,
    last_no      integer     not null,
    constraint project_counter_pk primary key (county_code, project_year)
);

create table project (
    id                bigint        not null primary key,
    project_no        varchar(40)   not null,
    name              varchar(128)  not null,
    project_type      varchar(32)   not null,
    region_code       varchar(12)   not null references region (code),
    county_code       varchar(12)   not null,
    implementing_unit varchar(128)  not null,
    period_start      date          not null,
    period_end        date          not null,
    fund_year         integer       not null,
    latitude          numeric(9,6),
    longitude         numeric(9,6),
    total_fen         bigint        not null,
    loan_term_months  integer,
    secured           boolean       not null,
    lead_unit         varchar(32),
    approval_level    varchar(32),
    status            varchar(16)   not null,
    disclosure_ends   timestamp,
    progress_percent  integer       not null,
    applied_by        varchar(64)   not null,
    created_at        timestamp     not null,
    updated_at        timestamp     not null,
    version           bigint        not null,
    constraint project_no_uk unique (project_no),
    constraint project_total_ck check (total_fen > 0)
);
create index project_region_status_idx on project (region_code, status);
create index project_county_year_idx on project (county_code, fund_year, status);

create table project_output (
    id          bigint         not null primary key,
    project_id  bigint         not null references project (id) on delete cascade,
    position    integer        not null,
    description varchar(256)   not null,
    quantity    numeric(14,3)  not null,
    unit        varchar(32)    not null
);
create index project_output_project_idx on project_output (project_id);

create table project_budget_line (
    id          bigint      not null primary key,
    project_id  bigint      not null references project (id) on delete cascade,
    position    integer     not null,
    fund_source varchar(32) not null references fund_source (code),
    amount_fen  bigint      not null,
    constraint project_budget_line_amount_ck check (amount_fen > 0)
);
create index project_budget_line_project_idx on project_budget_line (project_id);

create table project_beneficiary (
    id           bigint       not null primary key,
    project_id   bigint       not null references project (id) on delete cascade,
    household_id bigint       not null references household (id),
    position     integer      not null,
    benefit      varchar(256) not null,
    amount_fen   bigint,
    constraint project_beneficiary_uk unique (project_id, household_id)
);
create index project_beneficiary_household_idx on project_beneficiary (household_id);

create table project_decision (
    id         bigint        not null primary key,
    project_id bigint        not null references project (id) on delete cascade,
    status     varchar(16)   not null,
    level      varchar(24)   not null,
    decision   varchar(32)   not null,
    reason     varchar(1000),
    actor      varchar(64),
    at         timestamp     not null
);
create index project_decision_project_idx on project_decision (project_id);

create table project_progress (
    id          bigint        not null primary key,
    project_id  bigint        not null references project (id) on delete cascade,
    percent     integer       not null,
    note        varchar(1000) not null,
    reported_by varchar(64)   not null,
    at          timestamp     not null,
    constraint project_progress_percent_ck check (percent between 0 and 100)
);
create index project_progress_project_idx on project_progress (project_id);

-- append-only: rows are inserted, never updated or deleted (ADR 0009)
create table project_ledger (
    id          bigint       not null primary key,
    project_id  bigint       not null references project (id),
    entry_type  varchar(16)  not null,
    fund_source varchar(32)  not null references fund_source (code),
    amount_fen  bigint       not null,
    voucher_no  varchar(64)  not null,
    official    varchar(64)  not null,
    at          timestamp    not null,
    constraint project_ledger_amount_ck check (amount_fen > 0),
    constraint project_ledger_type_ck check (entry_type in ('ALLOCATION', 'DISBURSEMENT'))
);
create index project_ledger_project_idx on project_ledger (project_id);

-- an objection is about a household (identification) or a project (funding), exactly one of them
alter table objection add column project_id bigint references project (id) on delete cascade;
alter table objection alter column household_id drop not null;
alter table objection add constraint objection_one_subject_ck check ((household_id is null) <> (project_id is null));
create index objection_project_idx on objection (project_id, status);
