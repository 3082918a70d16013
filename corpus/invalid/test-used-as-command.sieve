exists "x-spam-flag";
