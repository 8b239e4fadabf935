-- Assistance responsibility (帮扶责任): assisting units, cadres, quotas by rank, pairings and the work ledger.
create sequence assisting_unit_seq start with 1 increment by 50;
create sequence cadre_seq start with 1 increment by 50;
create sequence pairing_seq start with 1 increment by 50;
create sequence visit_seq start with 1 increment by 50;

-- A unit that sends cadres (a bureau, a township government, an enterprise); its level is its region's level.
create table assisting_unit (
    id          bigint       not null primary key,
    name        varchar(128) not null,
    region_code varchar(12)  not null references region (code),
    created_at  timestamp    not null,
    constraint assisting_unit_name_uk unique (region_code, name)
);

-- A responsible cadre. county_code: the county whose households he helps. phone: never on a public page.
create table cadre (
    id          bigint       not null primary key,
    name        varchar(64)  not null,
    -- the name in Latin letters as the cadre writes it (pinyin, or Kazakh/Uyghur romanised), for bilingual lists
    name_latin  varchar(64),
    cadre_rank  varchar(16)  not null,
    unit_id     bigint       not null references assisting_unit (id),
    county_code varchar(12)  not null references region (code),
    phone       varchar(20),
    user_id     varchar(64),
    active      boolean      not null,
    left_reason varchar(1000),
    created_at  timestamp    not null,
    version     bigint       not null,
    constraint cadre_user_uk unique (user_id)
);
create index cadre_county_idx on cadre (county_code, active);

-- How many households a cadre of a rank may be responsible for, per prefecture (first 4 digits of the code);
-- prefecture '0000' is the default for prefectures without their own rows.
create table cadre_quota (
    prefecture varchar(4)   not null,
    cadre_rank varchar(16)  not null,
    households integer      not null,
    source     varchar(256) not null,
    constraint cadre_quota_pk primary key (prefecture, cadre_rank),
    constraint cadre_quota_households check (households >= 0)
);
insert into cadre_quota (prefecture, cadre_rank, households, source) values
    ('0000', 'PREFECTURE', 3, 'Implementation plan 16: prefecture-level cadres help 2-3 households'),
    ('0000', 'COUNTY',     3, 'Implementation plan 16: county-level cadres help about 3 households'),
    ('0000', 'TOWNSHIP',   5, 'Implementation plan 16: department-level cadres help several households (5 illustrative)'),
    ('0000', 'STAFF',      5, 'Illustrative: staff cadres stationed in villages'),
    ('6542', 'PREFECTURE', 3, 'Tacheng: prefecture leaders 3 households each'),
    ('6542', 'COUNTY',     2, 'Tacheng: county leaders 2 households each'),
    ('6542', 'TOWNSHIP',   1, 'Tacheng: township leaders 1 household each');

-- The file card names its assisting unit and responsible cadre by reference. The text columns stay, nullable,
-- for cards opened before this migration.
alter table file_card add column cadre_id bigint references cadre (id);
alter table file_card add column assisting_unit_id bigint references assisting_unit (id);
-- set when the household leaves poverty: exit date + transition period; until then the pairing counts
alter table file_card add column pairing_ends date;
alter table file_card alter column assisting_unit drop not null;
alter table file_card alter column responsible_cadre drop not null;
create index file_card_cadre_idx on file_card (cadre_id);

-- Every period a cadre was responsible for a household: kept for ever, the current one has no end.
create table pairing (
    id           bigint        not null primary key,
    household_id bigint        not null references household (id) on delete cascade,
    cadre_id     bigint        not null references cadre (id),
    unit_id      bigint        not null references assisting_unit (id),
    started_at   timestamp     not null,
    started_by   varchar(64),
    start_reason varchar(1000) not null,
    ended_at     timestamp,
    ended_by     varchar(64),
    end_reason   varchar(1000)
);
create index pairing_household_idx on pairing (household_id);
create index pairing_cadre_idx on pairing (cadre_id);

-- The cadre's work ledger (帮扶工作台账): visits and measures delivered.
create table visit (
    id           bigint        not null primary key,
    cadre_id     bigint        not null references cadre (id),
    household_id bigint        not null references household (id) on delete cascade,
    visit_date   date          not null,
    measure_type varchar(24)   not null,
    description  varchar(1000) not null,
    amount       numeric(12,2),
    recorded_by  varchar(64)   not null,
    recorded_at  timestamp     not null
);
create index visit_household_idx on visit (household_id, visit_date);
create index visit_cadre_idx on visit (cadre_id, visit_date);
