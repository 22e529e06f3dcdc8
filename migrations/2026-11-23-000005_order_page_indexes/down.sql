DROP INDEX orders_affiliate_page_idx;
CREATE INDEX orders_affiliate_idx ON orders (affiliate_id);
DROP INDEX orders_social_work_page_idx;
