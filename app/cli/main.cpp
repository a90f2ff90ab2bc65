#include "command.h"

int main(int argc, char **argv)
{
    return rectrack::cli::runCli(argc, argv);
}
