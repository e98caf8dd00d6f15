/**
 * What the demo run serves in place of a customer's own systems, so the shipped processes run end
 * to end offline: a stand-in ERP that the supply-chain process updates through the {@code http}
 * tool. Off outside the demo run ({@code baton.demo.erp.enabled}).
 */
package io.baton.demo;
