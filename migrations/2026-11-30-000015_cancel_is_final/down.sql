DROP TRIGGER keep_cancelled ON orders;
DROP FUNCTION keep_cancelled();
