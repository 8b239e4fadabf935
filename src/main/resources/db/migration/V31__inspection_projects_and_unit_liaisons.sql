-- Issue #24, the parts left out by V26 (ADR 0030):
-- 1. An assisting unit answers a finding through its liaison officials (联络员): cadres of the unit with a login whom
--    the county office names. A unit without a liaison: the township keeps the rectification, and the finding says so.
alter table cadre add column liaison boolean default false not null;
create index cadre_unit_liaison_idx on cadre (unit_id, liaison);

-- who holds the rectification task: the township, or the unit's liaisons (set when the task is made, again on a return)
alter table inspection_finding add column rectifier varchar(16);
alter table inspection_finding add constraint inspection_finding_rectifier_ck
    check (rectifier is null or rectifier in ('TOWNSHIP', 'UNIT', 'OWNER'));

-- 2. The projects register: a round may sample the county's funded projects of its year, stratified by township
--    (a county's own projects are a stratum of their own), at least `minimum_projects_per_township` in each.
alter table inspection_round add column minimum_projects_per_township integer default 0 not null;
alter table inspection_round add column project_population integer default 0 not null;

-- a sampled case is a household or a project, never both
alter table inspection_sample alter column household_id drop not null;
alter table inspection_sample add column project_id bigint references project (id) on delete cascade;
alter table inspection_sample add constraint inspection_sample_project_uk unique (round_id, project_id);
alter table inspection_sample add constraint inspection_sample_case_ck
    check ((household_id is null) <> (project_id is null));

-- a finding on a project answers to the project's owner (the township, or the county's lead department)
alter table inspection_finding alter column household_id drop not null;
alter table inspection_finding add column project_id bigint references project (id) on delete cascade;
alter table inspection_finding add constraint inspection_finding_case_ck
    check ((household_id is null) <> (project_id is null));
alter table inspection_finding drop constraint inspection_finding_responsible_ck;
alter table inspection_finding add constraint inspection_finding_responsible_ck
    check (responsible in ('TOWNSHIP', 'UNIT', 'CADRE', 'OWNER'));
create index inspection_finding_project_idx on inspection_finding (project_id);
