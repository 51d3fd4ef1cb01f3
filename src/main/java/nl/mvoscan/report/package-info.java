/** Renders score results for people and scripts: scorecard text, explanation, JSON. */
package nl.mvoscan.report;
