-- Household registry: applications, members, decisions, file cards and objections.
create sequence household_seq start with 1 increment by 50;
create sequence member_seq start with 1 increment by 50;
create sequence status_change_seq start with 1 increment by 50;
create sequence objection_seq start with 1 increment by 50;

create table household (
    id                  bigint        not null primary key,
    application_no      varchar(40)   not null,
    village_code        varchar(12)   not null references region (code),
    village_group       varchar(64)   not null,
    phone               varchar(20),
    income_year         integer       not null,
    wages               numeric(12,2) not null,
    operating_net       numeric(12,2) not null,
    property_income     numeric(12,2) not null,
    transfer_income     numeric(12,2) not null,
    expenditure         numeric(12,2) not null,
    per_capita_income   numeric(12,2) not null,
    housing_safety      varchar(16)   not null,
    drinking_water      varchar(16)   not null,
    causes              varchar(256)  not null,
    owns_car            boolean       not null,
    registered_business boolean       not null,
    commercial_housing  boolean       not null,
    civil_servant       boolean       not null,
    status              varchar(16)   not null,
    classification      varchar(24),
    classification_reason varchar(256),
    notice_ends         timestamp,
    created_at          timestamp     not null,
    updated_at          timestamp     not null,
    version             bigint        not null,
    constraint household_application_no_uk unique (application_no)
);
create index household_village_status_idx on household (village_code, status);
create index household_status_idx on household (status);

create table household_member (
    id              bigint      not null primary key,
    household_id    bigint      not null references household (id) on delete cascade,
    position        integer     not null,
    name            varchar(64) not null,
    id_number       varchar(18) not null,
    relation        varchar(16) not null,
    sex             varchar(8)  not null,
    birth_date      date        not null,
    health          varchar(24) not null,
    education       varchar(24) not null,
    labour_capacity varchar(16) not null
);
create index household_member_id_number_idx on household_member (id_number);
create index household_member_household_idx on household_member (household_id);

create table household_status_change (
    id           bigint       not null primary key,
    household_id bigint       not null references household (id) on delete cascade,
    status       varchar(16)  not null,
    level        varchar(24)  not null,
    decision     varchar(24)  not null,
    reason       varchar(1000),
    actor        varchar(64),
    at           timestamp    not null
);
create index household_status_change_household_idx on household_status_change (household_id);

create table file_card (
    household_id      bigint       not null primary key references household (id) on delete cascade,
    card_no           varchar(40)  not null,
    support_category  varchar(24)  not null,
    assisting_unit    varchar(128) not null,
    responsible_cadre varchar(64)  not null,
    support_measures  varchar(1000) not null,
    planned_exit_year integer      not null,
    registered_at     timestamp    not null,
    registered_by     varchar(64),
    constraint file_card_card_no_uk unique (card_no)
);

create table objection (
    id           bigint        not null primary key,
    household_id bigint        not null references household (id) on delete cascade,
    reason       varchar(1000) not null,
    contact      varchar(100),
    status       varchar(16)   not null,
    submitted_at timestamp     not null,
    task_id      varchar(64),
    finding      varchar(1000),
    decided_by   varchar(64),
    decided_at   timestamp
);
create index objection_household_idx on objection (household_id, status);
