-- (b) as a hand-written service would ask it: the authorization of one triple and its verdict.
\set e random(1, 20)
\set s random(1, 30)
\set l random(1, 10)
SELECT a.id, authorization_denial(e.active, sp.active, lo.active, a.authorized, a.authorization_date,
                                  a.expiration_date, current_date),
       a.max_monthly_appointments, a.copay_percentage, a.requires_prior_authorization
  FROM authorizations a
  JOIN eps e ON e.id = a.eps_id
  JOIN specialties sp ON sp.id = a.specialty_id
  JOIN locations lo ON lo.id = a.location_id
 WHERE a.eps_id = :e AND a.specialty_id = :s AND a.location_id = :l;
