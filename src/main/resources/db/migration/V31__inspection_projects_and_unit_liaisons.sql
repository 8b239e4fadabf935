-- Issue #24, the parts left out by V26 (ADR 0030):
-- 1. An assisting unit answers a finding through its liaison officials (联络员): cadres of the unit with a login whom
--    the county office names. A unit without a liaison: the township keeps the rectification, and the finding says so.
alter table cadre add column liaison boolean default false not null;
create index cadre_unit_liaison_idx on cadre (unit_id, liaison);

-- who holds the rectification task: the township, or the unit's liaisons (set when the task is made, again on a return)
alter table inspection_finding add column rectifier varchar(16);
alter table inspection_finding add constraint inspection_finding_rectifier_ck
    check (rectifier is null or rectifier in ('TOWNSHIP', 'UNIT'));
