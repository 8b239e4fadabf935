-- Administrative divisions with their 12-digit statistical codes.
create table region (
    code        varchar(12)  not null primary key,
    level       varchar(16)  not null,
    parent_code varchar(12)  references region (code),
    name_zh     varchar(64)  not null,
    name_en     varchar(128) not null,
    constraint region_code_digits check (length(code) = 12)
);

create index region_parent_idx on region (parent_code);
