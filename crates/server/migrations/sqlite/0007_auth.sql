-- Sessions whose token was replaced (a young person's, at most once a day):
-- the token before keeps working for a minute, so requests already in
-- flight with it still succeed. Kept in step with ../postgres/0007_auth.sql.
ALTER TABLE auth_sessions ADD COLUMN previous_hash TEXT;
ALTER TABLE auth_sessions ADD COLUMN previous_until BIGINT;
CREATE INDEX auth_sessions_previous ON auth_sessions(previous_hash);
