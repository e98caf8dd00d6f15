/** Adjustments to the engine REST API ({@code /engine-rest}). */
package io.baton.rest;
