package se.coop.web;

import org.springframework.http.ProblemDetail;

/**
 * The problem details the HTTP API answers for an exception, so a page shows exactly what a client of the API would
 * have been told (implemented where the API's error mapping lives).
 */
public interface ProblemDescriber {

    ProblemDetail describe(Exception e);
}
