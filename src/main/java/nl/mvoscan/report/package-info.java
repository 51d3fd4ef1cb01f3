/**
 * Renders what scoring and aggregate computed, for people and scripts: text, JSON, CSV and xlsx
 * (the PDFs are in report.pdf); it computes no figure of its own.
 */
package nl.mvoscan.report;
