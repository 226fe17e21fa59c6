/**
 * What the load benchmark (bench/load.sh) needs inside the app, switched on only by the
 * {@code bench} profile: a count of the SQL statements each request runs, and a raw-JDBC
 * page answering the agents' queue query as the baseline the real queue is compared with.
 * Nothing here is active in production.
 */
package com.helpdesk.bench;
