/**
 * Figures over many stored responses for teachers: statistics per group, answer distributions,
 * agreement and trend.
 */
package nl.mvoscan.aggregate;
