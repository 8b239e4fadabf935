-- Department alerts (部门预警, issue #21 item 2): a county office uploads a department's list; each row that names a
-- member of a household of the county is kept here with the case it opened or was attached to (the household's open
-- case). The ID number is not kept: the case names the household. Unmatched and duplicate rows are only answered.
create sequence monitoring_alert_seq start with 1 increment by 50;

create table monitoring_alert (
    id                 bigint        not null primary key,
    monitoring_case_id bigint        not null references monitoring_case (id) on delete cascade,
    department         varchar(24)   not null,
    kind               varchar(24)   not null,
    amount             numeric(14,2),
    alert_date         date          not null,
    -- true: this alert opened the case; false: attached to the case already open
    opened_case        boolean       not null,
    file_row           integer       not null,
    imported_by        varchar(64)   not null,
    imported_at        timestamp     not null,
    constraint monitoring_alert_department_ck check (department in ('MEDICAL_INSURANCE', 'CIVIL_AFFAIRS',
        'EMERGENCY_MANAGEMENT', 'HUMAN_RESOURCES', 'PUBLIC_SECURITY')),
    constraint monitoring_alert_kind_ck check (kind in ('LARGE_MEDICAL_EXPENSES', 'DISASTER_LOSS', 'UNEMPLOYMENT',
        'DEATH', 'SUBSISTENCE_LOST')),
    constraint monitoring_alert_amount_ck check (amount is null or amount >= 0)
);
create index monitoring_alert_case_idx on monitoring_alert (monitoring_case_id);
