/** The level panel's heading: where focus goes when the control that had it is gone. */
export const LEVEL_HEADING_ID = 'level-heading';
