/** The class web app of {@code mvoscan serve}: student and teacher pages over the shared store. */
package nl.mvoscan.web;
