#!/usr/bin/env bash
# Copies the tour's pictures from the last run of the browser journeys (target/screenshots/, see docs/tour.md):
#   ./mvnw verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -DskipProductionProfileTest=true \
#       -DskipReliability=true -Dit.test='ClerkJourneyBrowserIT,ReviewJourneyBrowserIT,FundingJourneyBrowserIT,AuditorJourneyBrowserIT,AuditPluginBrowserIT,AssessmentJourneyBrowserIT,MonitoringJourneyBrowserIT,ReportsBrowserIT,WorkTeamsBrowserIT,YearScreensBrowserIT,CadresBrowserIT'
#   (the card with the work team: ./mvnw test -Dtest=WorkTeamApiTest)
#       -DskipReliability=true -Dit.test='ClerkJourneyBrowserIT,ReviewJourneyBrowserIT,FundingJourneyBrowserIT,AuditorJourneyBrowserIT,AuditPluginBrowserIT,AssessmentJourneyBrowserIT,MonitoringJourneyBrowserIT,ReportsBrowserIT,WhatIfBrowserIT'
#   docs/tour/refresh.sh
# Journeys number their steps (NN-step.png); the mapping below names the step, so it survives added steps.
set -euo pipefail
cd "$(dirname "$0")/../.."
shots=target/screenshots
tour=docs/tour
missing=0
copy() {   # copy <tour picture> <journey> <step name or printed file>
  local found
  found=$(ls "$shots/$2"/*-"$3".png "$shots/$2/$3".png 2>/dev/null | tail -1 || true)
  if [[ -z "$found" ]]; then echo "missing: $shots/$2/*$3.png (for $1)" >&2; missing=1; return; fi
  cp "$found" "$tour/$1"
}
copy w1-workbench-county.png           workbench     workbench-county
copy w2-income-target-bad-amount.png   income-target income-target-bad-amount
copy w3-reduction-breakdown-over.png   reduction-breakdown reduction-breakdown-over
copy w4-funds-saved.png                funds         funds-saved
copy x1-whatif-poverty-line.png       whatif        whatif-poverty-line
copy 1-clerk-start-form.png            clerk-applies start-form
copy 2-bad-id-number.png               clerk-bad-id  error-shown
copy 3-group-evaluation.png            reviews       group-evaluation-filled
copy 4-township-review.png             reviews       township-review-filled
copy 5-other-township.png              reviews       other-township-sees-nothing
copy 6-public-notice.png               reviews       public-notice
copy 7-objection-investigation.png     reviews       objection-investigation-filled
copy 9-registration-picks-cadre.png    reviews       registration-filled
copy 10-cadre-records-visit.png        reviews       cadre-visit-filled
copy 8-auditor-finds-case.png          auditor       found-by-business-key
copy 8-auditor-cockpit.png             auditor       case-in-cockpit
copy 9-audit-finished-case-found.png   audit-plugin  finished-case-found
copy 9-audit-case-diagram.png          audit-plugin  case-diagram-path-taken
copy 9-audit-case-timeline.png         audit-plugin  case-timeline
copy 9-audit-other-county.png          audit-plugin  other-county-finds-nothing
copy 9-funding-start-form.png          funding       start-form
copy 10-funding-lead-unit-review.png   funding       lead-unit-review-filled
copy 11-funding-public-disclosure.png  funding       public-disclosure
copy 12-funding-acceptance.png         funding       acceptance-filled
copy 13-funding-public-results.png     funding       public-results
copy a1-income-entry.png               assessment    income-entry-filled
copy a2-confirm-account.png            assessment    confirmAccount-form
copy a3-exit-evaluation.png            assessment    exit-evaluation-filled
copy a4-exit-notice.png                assessment    exit-notice
copy a5-county-approval.png            assessment    county-approval-filled
copy a6-exit-announced.png             assessment    exit-announced
copy m1-report-field-errors.png        monitoring    report-field-errors
copy m2-report-received.png            monitoring    report-received
copy m3-identify-household.png         monitoring    identify-household-filled
copy m4-household-check.png            monitoring    household-check-filled
copy m5-monitoring-notice.png          monitoring    monitoring-notice
copy m6-county-approval.png            monitoring    county-approval-filled
copy m7-cadre-visit.png                monitoring    cadre-visit-filled
copy m8-elimination-notice.png         monitoring    elimination-notice
copy t1-teams-of-the-county.png         work-teams    teams-of-the-county
copy t2-cadre-already-stationed.png     work-teams    cadre-already-stationed
copy t3-team-stationed.png              work-teams    team-stationed
copy t4-teams-township.png              work-teams-township teams-township
copy t5-assistance-card-with-work-team.png printed    assistance-card-with-work-team
copy y1-village-file.png               year-village-file           village-file-verdict-before
copy y2-village-file-bad-value.png     year-village-file           village-file-bad-value
copy y3-village-file-verdict.png       year-village-file           village-file-verdict-after
copy y4-village-file-township.png      year-village-file-township  village-file-township-reads
copy y5-assessment-progress.png        year-assessment             assessment-progress
copy y6-assessment-stopped.png         year-assessment             assessment-stopped
copy y7-assessment-done.png            year-assessment             assessment-done
copy y8-scoring.png                    year-assessment             scoring-results
copy c1-cadres-list.png                 cadres-county   cadres-list
copy c2-cadre-bad-phone.png            cadres-county   cadre-bad-phone
copy c3-cadre-added.png                cadres-county   cadre-added
copy c4-pairing-reassigned.png         cadres-county   pairing-reassigned
copy c5-cadres-township.png            cadres-township cadres-township
copy c6-quotas-city.png                quotas-city     quotas-city
# printed documents, rendered to PNG by PDFBox in the review and funding journeys (org.precisionaid.support.Printed)
copy 6-public-notice-pdf.png           printed       notice-654224101201
copy 11-funding-public-disclosure-pdf.png printed    projects-654224101201
card=$(ls -t "$shots"/printed/card-SQ-*.png 2>/dev/null | head -1 || true)
if [[ -n "$card" ]]; then cp "$card" "$tour/9-assistance-card-pdf.png"; else echo "missing: the card of the review journey" >&2; missing=1; fi
exit $missing
