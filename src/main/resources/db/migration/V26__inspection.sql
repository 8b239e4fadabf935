-- Inspection rounds (随机抽查 §5, 督查巡查与整改 §28, issue #24): a round draws a reproducible sample of households
-- (the seed is kept, so an auditor re-draws the same households), inspectors record a finding per sampled case, and
-- each finding is followed to its rectification. The sample is rows here, never process variables (ADR 0003).
create sequence inspection_round_seq start with 1 increment by 50;
create sequence inspection_sample_seq start with 1 increment by 50;
create sequence inspection_finding_seq start with 1 increment by 50;

create table inspection_round (
    id                  bigint        not null primary key,
    round_no            varchar(40)   not null,
    region_code         varchar(12)   not null references region (code),
    round_year          integer       not null,
    -- comma-separated: IDENTIFICATION, EXITS, MONITORING
    registers           varchar(64)   not null,
    sample_percent      numeric(5,2)  not null,
    minimum_per_village integer       not null,
    seed                bigint        not null,
    population          integer       not null,
    sample_size         integer       not null,
    status              varchar(16)   not null,
    planned_by          varchar(64)   not null,
    planned_at          timestamp     not null,
    closed_at           timestamp,
    constraint inspection_round_no_uk unique (round_no),
    constraint inspection_round_status_ck check (status in ('RUNNING', 'CLOSED'))
);
create index inspection_round_region_idx on inspection_round (region_code, round_year);

-- position: the order of the draw (1 = first drawn in the first village by code)
create table inspection_sample (
    id           bigint        not null primary key,
    round_id     bigint        not null references inspection_round (id) on delete cascade,
    position     integer       not null,
    household_id bigint        not null references household (id) on delete cascade,
    village_code varchar(12)   not null references region (code),
    status       varchar(16)   not null,
    checked_by   varchar(64),
    checked_at   timestamp,
    notes        varchar(1000),
    constraint inspection_sample_position_uk unique (round_id, position),
    constraint inspection_sample_household_uk unique (round_id, household_id),
    constraint inspection_sample_status_ck check (status in ('PENDING', 'CLEAN', 'FINDING'))
);

create table inspection_finding (
    id             bigint        not null primary key,
    finding_no     varchar(48)   not null,
    round_id       bigint        not null references inspection_round (id) on delete cascade,
    sample_id      bigint        not null references inspection_sample (id) on delete cascade,
    household_id   bigint        not null references household (id) on delete cascade,
    village_code   varchar(12)   not null references region (code),
    kind           varchar(24)   not null,
    severity       varchar(16)   not null,
    description    varchar(1000) not null,
    -- who must fix it: the township, the household's assisting unit or its paired cadre (from the pairing)
    responsible    varchar(16)   not null,
    cadre_id       bigint        references cadre (id),
    unit_id        bigint        references assisting_unit (id),
    status         varchar(16)   not null,
    due_at         timestamp,
    rectification  varchar(1000),
    rectified_by   varchar(64),
    rectified_at   timestamp,
    returns        integer       default 0 not null,
    closed_by      varchar(64),
    closed_at      timestamp,
    close_comment  varchar(1000),
    recorded_by    varchar(64)   not null,
    recorded_at    timestamp     not null,
    constraint inspection_finding_no_uk unique (finding_no),
    constraint inspection_finding_sample_uk unique (sample_id),
    constraint inspection_finding_status_ck check (status in ('OPEN', 'RECTIFIED', 'CLOSED', 'WITHDRAWN')),
    constraint inspection_finding_responsible_ck check (responsible in ('TOWNSHIP', 'UNIT', 'CADRE'))
);
create index inspection_finding_village_idx on inspection_finding (village_code, status);
create index inspection_finding_cadre_idx on inspection_finding (cadre_id);

-- the year-end scoring counts findings upheld against a cadre's or unit's households (bpmn/assistance-scoring.dmn)
alter table assistance_score add column findings_upheld integer default 0 not null;
