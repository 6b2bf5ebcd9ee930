-- The login back-off lives in login_failure (per username and per address, V20261203_30); the hard
-- lock these columns held is gone and nothing reads them any more.
ALTER TABLE app_user DROP COLUMN failed_logins;
ALTER TABLE app_user DROP COLUMN locked_until;
