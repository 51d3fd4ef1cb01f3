/**
 * The scoring engine of the contract (§5): exact arithmetic, statuses, levels, lenses and advice
 * order.
 */
package nl.mvoscan.scoring;
