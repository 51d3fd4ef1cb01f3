/**
 * The scan and answers model of the contract, loading and validation; no CLI, database or PDF code.
 */
package nl.mvoscan.scan;
