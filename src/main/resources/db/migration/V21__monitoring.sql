-- Return-to-poverty monitoring (防止返贫动态监测和帮扶, issue #21): one case per report, at most one open case per
-- household (the unique open_household_id: set while the case is open, cleared when it closes), the public reports
-- (the reporter's phone stays here, never in a process variable), and objections to a case on its village notice.
create sequence monitoring_case_seq start with 1 increment by 50;
create sequence monitoring_report_seq start with 1 increment by 50;

create table monitoring_report (
    id            bigint        not null primary key,
    village_code  varchar(12)   not null references region (code),
    reporter_name varchar(64)   not null,
    phone         varchar(20)   not null,
    what_happened varchar(1000) not null,
    consent       boolean       not null,
    submitted_at  timestamp     not null
);

create table monitoring_case (
    id                bigint        not null primary key,
    case_no           varchar(40)   not null,
    household_id      bigint        not null references household (id) on delete cascade,
    open_household_id bigint,
    village_code      varchar(12)   not null references region (code),
    channel           varchar(16)   not null,
    report_id         bigint        references monitoring_report (id),
    report            varchar(1000),
    category          varchar(24),
    status            varchar(16)   not null,
    no_labour_capacity boolean      default false not null,
    opened_at         timestamp     not null,
    opened_by         varchar(64)   not null,
    decision_due      timestamp     not null,
    overdue           boolean       default false not null,
    decided_at        timestamp,
    decided_by        varchar(64),
    notice_ends       timestamp,
    measure_kinds     varchar(128),
    support_measures  varchar(1000),
    stable_since      date,
    last_visit        date,
    eliminated_at     timestamp,
    eliminated_by     varchar(64),
    closed_level      varchar(24),
    closed_reason     varchar(1000),
    closed_by         varchar(64),
    version           bigint        not null,
    constraint monitoring_case_no_uk unique (case_no),
    -- one open monitoring case per household at a time
    constraint monitoring_case_open_uk unique (open_household_id),
    constraint monitoring_case_open_ck check (open_household_id is null or open_household_id = household_id),
    constraint monitoring_case_channel_ck check (channel in ('PUBLIC', 'CLERK', 'CADRE', 'ASSESSMENT', 'DEPARTMENT')),
    constraint monitoring_case_status_ck check (status in ('REPORTED', 'MONITORED', 'ELIMINATION', 'ELIMINATED',
        'REJECTED'))
);
create index monitoring_case_household_idx on monitoring_case (household_id);
create index monitoring_case_village_status_idx on monitoring_case (village_code, status);

-- an objection is about a household, a project, a village's exit or a monitoring case: exactly one of them
alter table objection add column monitoring_case_id bigint references monitoring_case (id) on delete cascade;
alter table objection drop constraint objection_one_subject_ck;
alter table objection add constraint objection_one_subject_ck check (
    (case when household_id is null then 0 else 1 end) + (case when project_id is null then 0 else 1 end)
    + (case when village_exit_id is null then 0 else 1 end) + (case when monitoring_case_id is null then 0 else 1 end) = 1);
create index objection_monitoring_case_idx on objection (monitoring_case_id, status);
