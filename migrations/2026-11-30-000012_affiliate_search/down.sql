DROP FUNCTION affiliate_key(text);
