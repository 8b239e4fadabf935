-- Reports (#16): the "three tables, two maps and one guide" (implementation plan §26). The reports read the registry,
-- the accounts and the projects with grouped queries over code ranges; these tables hold what they need besides.

-- 农民人均纯收入目标: the per-capita net income a county sets itself for a year (policy data, set by the county office;
-- without a row the report measures against the poverty line of the year, ADR 0016).
create table income_target (
    county_code        varchar(12)  not null references region (code),
    target_year        integer      not null,
    per_capita_net_fen bigint       not null,
    source             varchar(256) not null,
    updated_by         varchar(64)  not null,
    updated_at         timestamp    not null,
    constraint income_target_pk primary key (county_code, target_year),
    constraint income_target_fen_ck check (per_capita_net_fen > 0)
);

-- Where a county seat, township or village lies, as a point: the maps place townships (no open township boundaries
-- exist) and projects without their own coordinates by it.
create table region_location (
    region_code varchar(12)  not null primary key references region (code),
    latitude    numeric(9,6) not null,
    longitude   numeric(9,6) not null,
    source      varchar(256) not null
);

-- planned exits per year (reduction-task table) and income accounts read by year across a region
create index file_card_planned_exit_idx on file_card (planned_exit_year, household_id);
create index income_entry_year_idx on income_entry (account_year, household_id);
-- the households of a region by status, with what the distribution groups by, without visiting the table
create index household_status_village_idx on household (status, village_code, id);
create index project_region_year_idx on project (region_code, fund_year);
-- the guide reads a region's households in (village, application number) order, page after page
create index household_village_application_idx on household (village_code, application_no);
