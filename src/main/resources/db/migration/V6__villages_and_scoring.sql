-- Village files (村档, implementation plan §4), village exit (村出列, §20-22) and the year-end scoring of assisting
-- cadres and units (§21-22). The poor population of a village is never stored here: it is counted from the registry.

-- One file per village, kept by its clerk or village committee.
create table village_file (
    village_code            varchar(12)   not null primary key references region (code),
    -- basic conditions (基本村情)
    households              integer       not null,
    population              integer       not null,
    agricultural_population integer       not null,
    area_km2                numeric(10,2) not null,
    cultivated_land_mu      numeric(12,2) not null,
    -- infrastructure and public services (基础设施、公共服务)
    road_hardened           boolean       not null,
    bus_service             boolean       not null,
    safe_drinking_water     boolean       not null,
    electricity             boolean       not null,
    broadband               boolean       not null,
    clinic                  boolean       not null,
    cultural_room           boolean       not null,
    -- industries and income levels (主导产业、收入水平)
    leading_industries      varchar(500)  not null,
    collective_income_yuan  bigint        not null,
    collective_income_year  integer       not null,
    per_capita_income_yuan  bigint,
    -- problem account, demand list and time limit (问题台账、需求清单、脱贫时限)
    main_constraints        varchar(1000),
    urgent_needs            varchar(1000),
    planned_exit_year       integer,
    -- set when the city approves the village's exit
    exit_year               integer,
    updated_by              varchar(64)   not null,
    updated_at              timestamp     not null,
    version                 bigint        not null,
    constraint village_file_population_ck check (households >= 0 and population >= 0
        and agricultural_population >= 0 and agricultural_population <= population)
);

create sequence village_exit_seq start with 1 increment by 50;
create sequence village_exit_decision_seq start with 1 increment by 50;

-- One application of a village to leave poverty, with the figures it was judged on.
create table village_exit (
    id                         bigint        not null primary key,
    exit_no                    varchar(40)   not null,
    village_code               varchar(12)   not null references region (code),
    exit_year                  integer       not null,
    status                     varchar(16)   not null,
    statement                  varchar(1000) not null,
    poor_population            integer       not null,
    agricultural_population    integer       not null,
    incidence                  numeric(9,6)  not null,
    max_incidence              numeric(9,6)  not null,
    collective_income_yuan     bigint        not null,
    min_collective_income_yuan bigint        not null,
    shortfalls                 varchar(1000),
    notice_ends                timestamp,
    rejection_level            varchar(16),
    rejection_reason           varchar(1000),
    rejected_by                varchar(64),
    applied_by                 varchar(64)   not null,
    applied_at                 timestamp     not null,
    updated_at                 timestamp     not null,
    version                    bigint        not null,
    constraint village_exit_no_uk unique (exit_no)
);
create index village_exit_village_idx on village_exit (village_code, status);

create table village_exit_decision (
    id        bigint        not null primary key,
    exit_id   bigint        not null references village_exit (id) on delete cascade,
    level     varchar(16)   not null,
    decision  varchar(24)   not null,
    reason    varchar(1000),
    actor     varchar(64),
    at        timestamp     not null
);
create index village_exit_decision_exit_idx on village_exit_decision (exit_id);

-- an objection is about a household, a project or a village's exit: exactly one of them
alter table objection add column village_exit_id bigint references village_exit (id) on delete cascade;
alter table objection drop constraint objection_one_subject_ck;
alter table objection add constraint objection_one_subject_ck check (
    (case when household_id is null then 0 else 1 end) + (case when project_id is null then 0 else 1 end)
    + (case when village_exit_id is null then 0 else 1 end) = 1);
create index objection_village_exit_idx on objection (village_exit_id, status);

-- The year-end scoring of one county (考核评价): run by the county office, at most one result per county and year.
create sequence scoring_run_seq start with 1 increment by 50;
create sequence assistance_score_seq start with 1 increment by 50;

create table scoring_run (
    id          bigint      not null primary key,
    county_code varchar(12) not null references region (code),
    score_year  integer     not null,
    run_at      timestamp   not null,
    run_by      varchar(64) not null,
    -- how many times the year was scored (a re-run replaces the scores and counts here)
    runs        integer     not null,
    constraint scoring_run_county_year_uk unique (county_code, score_year)
);

-- The rating of one cadre (kind CADRE) or one assisting unit (kind UNIT) with the figures behind it.
create table assistance_score (
    id                   bigint        not null primary key,
    run_id               bigint        not null references scoring_run (id) on delete cascade,
    kind                 varchar(8)    not null,
    cadre_id             bigint        references cadre (id),
    unit_id              bigint        not null references assisting_unit (id),
    paired_households    integer       not null,
    due_households       integer       not null,
    exited_on_schedule   integer       not null,
    failed_households    integer       not null,
    on_schedule_share    numeric(7,4),
    income_households    integer       not null,
    income_prev_fen      bigint,
    income_year_fen      bigint,
    income_growth        numeric(9,4),
    visits               integer       not null,
    visits_per_household numeric(9,2)  not null,
    objections_upheld    integer       not null,
    points               numeric(7,2)  not null,
    points_rating        varchar(16)   not null,
    rating               varchar(16)   not null,
    cap_reason           varchar(256),
    constraint assistance_score_kind_ck check ((kind = 'CADRE' and cadre_id is not null)
        or (kind = 'UNIT' and cadre_id is null))
);
create index assistance_score_run_idx on assistance_score (run_id, kind);
