# The same verdict without spamtest, for servers without it: a test of the
# asterisks SpamAssassin writes into X-Spam-Level (one per point of score).
require "fileinto";

if header :contains "x-spam-level" "*****" {
    fileinto "Spam";
}
