global using Microsoft.EntityFrameworkCore;
global using Platform.Gateway.Infrastructure;
global using Platform.Security;
