DROP FUNCTION set_order_totals_from_items(integer);
DROP VIEW order_rows;
DROP VIEW order_item_rows;
DROP FUNCTION order_item_billable(text, boolean, boolean, smallint, smallint);
DROP TABLE order_items;
DROP TABLE orders;
DROP TABLE practitioners;
DROP FUNCTION order_item_authorized(smallint);
