-- One database and one least-privilege role per service: a service can reach only its own data.
-- Passwords here are for local use only; production creates roles with secrets of its own.
CREATE ROLE intake LOGIN PASSWORD 'intake';
CREATE ROLE routes LOGIN PASSWORD 'routes';
CREATE ROLE contracts LOGIN PASSWORD 'contracts';
CREATE ROLE referrals LOGIN PASSWORD 'referrals';
CREATE ROLE subscriptions LOGIN PASSWORD 'subscriptions';
CREATE DATABASE intake OWNER intake;
CREATE DATABASE routes OWNER routes;
CREATE DATABASE contracts OWNER contracts;
CREATE DATABASE referrals OWNER referrals;
CREATE DATABASE subscriptions OWNER subscriptions;
REVOKE ALL ON DATABASE intake, routes, contracts, referrals, subscriptions FROM PUBLIC;
-- The roles the services run as: they own nothing, so row-level security binds them; each
-- service's migration grants its role what it needs on the tables (ADR 0006).
CREATE ROLE intake_app LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS;
CREATE ROLE routes_app LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS;
CREATE ROLE contracts_app LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS;
CREATE ROLE referrals_app LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS;
CREATE ROLE subscriptions_app LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS;
GRANT CONNECT ON DATABASE intake TO intake, intake_app;
GRANT CONNECT ON DATABASE routes TO routes, routes_app;
GRANT CONNECT ON DATABASE contracts TO contracts, contracts_app;
GRANT CONNECT ON DATABASE referrals TO referrals, referrals_app;
GRANT CONNECT ON DATABASE subscriptions TO subscriptions, subscriptions_app;
