/** The {@code when} condition language: parser, type checker and evaluator, with no I/O. */
package nl.mvoscan.scan.when;
