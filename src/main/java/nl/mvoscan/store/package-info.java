/**
 * The results database, SQLite or PostgreSQL: migrations, transactional writes, the one decoder of
 * stored answers, queries for reports and privacy.
 */
package nl.mvoscan.store;
