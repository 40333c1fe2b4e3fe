-- The filters every indicator shares, written once. A NULL bound or an empty list means
-- "no restriction". Visit indicators filter the period on visit_date and the unit on
-- visits.bvc_id; family indicators on child_birth_date and families.bvc_id.
CREATE OR REPLACE MACRO in_scope(day, unit, unit_district, unit_programme,
                                 date_from, date_to, districts, bvcs, programmes) AS
    (date_from IS NULL OR day >= date_from)
    AND (date_to IS NULL OR day <= date_to)
    AND (len(districts) = 0 OR list_contains(districts, unit_district))
    AND (len(bvcs) = 0 OR list_contains(bvcs, unit))
    AND (len(programmes) = 0 OR list_contains(programmes, unit_programme));

CREATE OR REPLACE MACRO visits_in_scope(date_from, date_to, districts, bvcs, programmes) AS TABLE
    SELECT * FROM visit_facts
    WHERE in_scope(visit_date, bvc_id, district, programme_id,
                   date_from, date_to, districts, bvcs, programmes);

CREATE OR REPLACE MACRO families_in_scope(date_from, date_to, districts, bvcs, programmes) AS TABLE
    SELECT * FROM family_facts
    WHERE in_scope(child_birth_date, bvc_id, district, programme_id,
                   date_from, date_to, districts, bvcs, programmes);

-- A share as the contract reports it: numerator, denominator and rows left out as missing.
CREATE OR REPLACE MACRO share(indicator, n, denominator, missing) AS
    {'indicator': indicator, 'n': n::BIGINT, 'denominator': denominator::BIGINT,
     'missing': missing::BIGINT};

-- Every visit-level share of the contract (section 4) over a group of visit_facts rows;
-- `v` is the row alias: `SELECT <grain>, unnest(visit_shares(v), recursive := true)
-- FROM visits_in_scope(...) v GROUP BY <grain>`.
CREATE OR REPLACE MACRO visit_shares(v) AS [
    share('home_share',
          count(*) FILTER (WHERE v.planned_location = 'home' AND v.location = 'home'),
          count(*) FILTER (WHERE v.planned_location = 'home' AND v.location IS NOT NULL),
          count(*) FILTER (WHERE v.planned_location = 'home' AND v.location IS NULL)),
    share('both_professions_share',
          count(*) FILTER (WHERE v.plans_nurse_and_parent_supporter
                           AND v.nurse_present AND v.parent_supporter_present),
          count(*) FILTER (WHERE v.plans_nurse_and_parent_supporter
                           AND v.nurse_present IS NOT NULL AND v.parent_supporter_present IS NOT NULL),
          count(*) FILTER (WHERE v.plans_nurse_and_parent_supporter
                           AND (v.nurse_present IS NULL OR v.parent_supporter_present IS NULL))),
    share('planned_team_share',
          count(*) FILTER (WHERE v.planned_team_present),
          count(v.planned_team_present),
          count(*) FILTER (WHERE v.planned_team_present IS NULL)),
    share('within_time_share',
          count(*) FILTER (WHERE v.duration_minutes <= v.expected_minutes),
          count(v.duration_minutes),
          count(*) FILTER (WHERE v.duration_minutes IS NULL)),
    share('mother_present_share',
          count(*) FILTER (WHERE v.mother_present),
          count(v.mother_present),
          count(*) FILTER (WHERE v.mother_present IS NULL)),
    share('other_parent_share',
          count(*) FILTER (WHERE v.single_parent = false AND v.other_parent_present),
          count(*) FILTER (WHERE v.single_parent = false AND v.other_parent_present IS NOT NULL),
          count(*) FILTER (WHERE v.single_parent IS NULL
                           OR (v.single_parent = false AND v.other_parent_present IS NULL))),
    share('referral_visit_share',
          count(*) FILTER (WHERE v.referrals > 0), count(*), 0),
    share('open_forum_referral_share',
          coalesce(sum(v.open_forum_referrals), 0), coalesce(sum(v.referrals), 0), 0),
    share('extra_support_visit_share',
          count(*) FILTER (WHERE v.extra_support_referrals > 0), count(*), 0)
];
