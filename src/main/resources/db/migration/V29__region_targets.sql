-- 减贫任务 and income targets broken down below the county (implementation plan §2, §20): the county office sets, for a
-- year, how many households and people each of its townships and villages is to lift out of poverty, and where it
-- wants it, a per-capita net income target of a township or village (the county's own stays in income_target). One
-- row per region and year; a county's breakdown is replaced as a whole by the office's save (policy data).
create table region_target (
    region_code        varchar(12)  not null references region (code),
    target_year        integer      not null,
    county_code        varchar(12)  not null references region (code),
    region_level       varchar(16)  not null,
    exit_households    integer,
    exit_people        integer,
    per_capita_net_fen bigint,
    source             varchar(256) not null,
    updated_by         varchar(64)  not null,
    updated_at         timestamp    not null,
    constraint region_target_pk primary key (region_code, target_year),
    constraint region_target_level_ck check (region_level in ('COUNTY', 'TOWNSHIP', 'VILLAGE')),
    constraint region_target_counts_ck check (exit_households >= 0 and exit_people >= exit_households),
    constraint region_target_fen_ck check (per_capita_net_fen > 0),
    constraint region_target_county_income_ck check (region_level <> 'COUNTY' or per_capita_net_fen is null)
);
create index region_target_county_idx on region_target (county_code, target_year);
