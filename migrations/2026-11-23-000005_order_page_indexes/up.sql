-- Order pages are keyset pages by id within a filter: with the filter's column first, a page
-- of one social work's (or one patient's) orders reads its 50 rows instead of walking the
-- primary key past everyone else's (seen in the benchmark: 1.5 ms -> 0.2 ms per page).
CREATE INDEX orders_social_work_page_idx ON orders (social_work_id, id);
DROP INDEX orders_affiliate_idx;
CREATE INDEX orders_affiliate_page_idx ON orders (affiliate_id, id);
