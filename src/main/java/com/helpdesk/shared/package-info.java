/**
 * What every module shares: the clock, the exceptions that map to 404, 409 and 400, the
 * rule for text, the database start-up and the scheduler lock.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.helpdesk.shared;
