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
