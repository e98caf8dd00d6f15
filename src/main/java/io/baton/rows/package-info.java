/** Row locks that Baton's own tables share: a counter or a chain head locked for a transaction. */
package io.baton.rows;
