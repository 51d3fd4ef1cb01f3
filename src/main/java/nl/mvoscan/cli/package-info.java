/** The picocli command line: thin commands that parse options, call the domain and print. */
package nl.mvoscan.cli;
