/**
 * The SQLite results database: migrations, transactional writes, queries for reports and privacy.
 */
package nl.mvoscan.store;
