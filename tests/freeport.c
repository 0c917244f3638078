/* freeport: print a TCP port on 127.0.0.1 that the kernel just handed out
 * (bind to port 0, read it back, close).  Tests start real servers on it. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    struct sockaddr_in a = {0};
    socklen_t len = sizeof a;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0
        || getsockname(fd, (struct sockaddr *)&a, &len) != 0) {
        perror("freeport");
        return 1;
    }
    printf("%u\n", (unsigned)ntohs(a.sin_port));
    close(fd);
    return 0;
}
